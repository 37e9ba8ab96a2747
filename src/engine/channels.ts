/**
 * Built-in public-messaging channels and defaults for the people side. A scenario can restrict the channels
 * on offer and set per-segment reach ("channel habits"): rural USSD users hear SMS and radio, not social media.
 */
import type { ChannelDef, StakeholderDef } from './types';

export const BUILTIN_CHANNELS: readonly ChannelDef[] = [
  {
    id: 'social',
    name: 'Social media post',
    reach: 0.45,
    credibility: 0.6,
    delayTicks: 60,
    costKES: 0,
    addresses: ['public', 'media'],
  },
  {
    id: 'sms',
    name: 'SMS blast to customers',
    reach: 0.8,
    credibility: 0.8,
    delayTicks: 300,
    costKES: 400_000,
    addresses: ['public'],
  },
  {
    id: 'press',
    name: 'Press conference',
    reach: 0.55,
    credibility: 0.85,
    delayTicks: 1800,
    costKES: 150_000,
    addresses: ['media', 'public', 'regulator'],
  },
  {
    id: 'banner',
    name: 'Website and app banner',
    reach: 0.25,
    credibility: 0.7,
    delayTicks: 120,
    costKES: 0,
    addresses: ['public'],
  },
  {
    id: 'call-script',
    name: 'Call-centre script',
    reach: 0.1,
    credibility: 0.75,
    delayTicks: 300,
    costKES: 20_000,
    addresses: ['public'],
  },
  {
    id: 'regulator',
    name: 'Regulator and ministry briefing',
    reach: 0.02,
    credibility: 0.9,
    delayTicks: 900,
    costKES: 0,
    addresses: ['regulator'],
  },
  {
    id: 'partners',
    name: 'Partner banks briefing',
    reach: 0.03,
    credibility: 0.85,
    delayTicks: 600,
    costKES: 0,
    addresses: ['partner'],
  },
];

export const DEFAULT_STAKEHOLDERS: readonly StakeholderDef[] = [
  { id: 'public', name: 'The public', kind: 'public', trust: 60 },
  { id: 'media', name: 'The media', kind: 'media', trust: 50 },
  { id: 'regulator', name: 'The regulator', kind: 'regulator', trust: 65 },
  { id: 'partners', name: 'Partner banks', kind: 'partner', trust: 65 },
];

export const DEFAULT_TEMPLATES = {
  angry: [
    'Still cannot use {service}. {segment} are being ignored. Nobody says anything!',
    'Day ruined: {service} down again and no explanation. Is my money even safe?',
    'How can a whole country depend on {service} and nobody answers?',
  ],
  worried: [
    '{service} is very slow today. Anyone else stuck?',
    'Tried {service} three times now. Is there a problem?',
  ],
  // Calm voices must fit any moment: nothing here assumes a statement or a workaround has happened.
  calm: [
    '{service} is slow today, but it went through on the second try.',
    'Patience, everyone: {service} will be back. Trying again later.',
  ],
};
