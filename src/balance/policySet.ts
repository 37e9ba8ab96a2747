/**
 * Resolving policy names (as typed on the command line) to policies, including the generated single-action
 * ones: `singles` expands to one `single:<action>` policy per action the scenario offers.
 */
import { createSim, type Scenario } from '../engine';
import { EXPERT, POLICIES, singleActions, singlePolicy, withRules, type Policy } from './policies';
import { playerView } from './view';

export function singleNames(scenario: Scenario): string[] {
  return singleActions(playerView(createSim(scenario, 'names'))).map((a) => `single:${a.name}`);
}

export function expandPolicyNames(scenario: Scenario, names: readonly string[]): string[] {
  const out: string[] = [];
  for (const name of names) {
    if (name === 'singles') out.push(...singleNames(scenario));
    else if (name === 'expert')
      out.push(EXPERT); // the scenario's expert play is the textbook play plus its rules
    else out.push(name);
  }
  return [...new Set(out)];
}

export function policyByName(scenario: Scenario, name: string): Policy | undefined {
  // The scenario's own rules join the generic plays they refine (dishonest is the expert play plus claims).
  if (name === 'textbook' || name === 'dishonest')
    return withRules(POLICIES[name]!, scenario.balance?.expert ?? [], 'expert-rule');
  if (name === 'panic') return withRules(POLICIES[name]!, scenario.balance?.panic ?? [], 'panic-rule');
  if (name in POLICIES) return POLICIES[name];
  if (!name.startsWith('single:')) return undefined;
  const action = singleActions(playerView(createSim(scenario, 'names'))).find(
    (a) => `single:${a.name}` === name,
  );
  return action ? singlePolicy(action.cmd) : undefined;
}
