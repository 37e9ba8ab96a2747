/**
 * The studio's blank template: the smallest drill that compiles and plays — two services, one dependency, a
 * customer segment, one flood and two injects — with comments that say what to change first. A test keeps it
 * compiling without errors.
 */
export const BLANK_FILE_NAME = 'my-drill.yaml';

export const BLANK_TEMPLATE = `# A new drill. Every field is explained in docs/authoring.md; press Ctrl+Space for suggestions.
format: 1
id: my-drill
meta:
  title: My first drill
  summary: A flood hits the web portal and spills over into the shared network behind it.
  objectives:
    - Find where the flood enters and filter it there.
  audience: Operations and communications teams.
  difficulty: intro
  author: Your name
clock:
  start: '2024-01-15T09:00'
  duration: 2h
budget: 2000000

services:
  - id: network
    name: Shared network
    kind: network
    capacity: 4000
    critical: true
    map: { x: 500, y: 300 }
  - id: portal
    name: Web portal
    kind: portal
    capacity: 600
    critical: true
    map: { x: 250, y: 600 }

dependencies:
  - { from: portal, to: network, kind: hard }

segments:
  - id: citizens
    name: Citizens
    size: 500000
    needs:
      - { service: portal, perHour: 0.05, value: 1000 }

attacks:
  - id: flood
    vector: layer7
    target: portal
    intensity:
      - { at: 5m, rps: 0 }
      - { at: 15m, rps: 6000 }
      - { at: 2h, rps: 6000 }

injects:
  - id: first-reports
    trigger: { at: 10m }
    effects:
      - { type: feed, channel: social, from: '@citizen', text: 'Is the portal down for everyone?' }
  - id: ops-alert
    trigger: { when: 'service("portal").availability < 0.5' }
    effects:
      - { type: feed, channel: ops, from: Operations, text: 'Portal availability is below half.' }
`;
