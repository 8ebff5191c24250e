// Colours and PLOVER categories shared by every panel, so a quad has one colour
// everywhere. TYPE_QUAD mirrors src/newsevents/ontology/data/event_types.yaml
// (tests/browser/test_palette.py checks that they agree).

export const QUADS = [
  { id: 'verbal cooperation', label: 'Verbal cooperation', colour: '#8fb8de' },
  { id: 'material cooperation', label: 'Material cooperation', colour: '#2f6b9a' },
  { id: 'verbal conflict', label: 'Verbal conflict', colour: '#f0a868' },
  { id: 'material conflict', label: 'Material conflict', colour: '#b8413a' },
];

export const TYPE_QUAD = {
  AGREE: 'verbal cooperation',
  CONSULT: 'verbal cooperation',
  SUPPORT: 'verbal cooperation',
  CONCEDE: 'verbal cooperation',
  COOPERATE: 'material cooperation',
  AID: 'material cooperation',
  RETREAT: 'material cooperation',
  REQUEST: 'verbal conflict',
  ACCUSE: 'verbal conflict',
  REJECT: 'verbal conflict',
  THREATEN: 'verbal conflict',
  PROTEST: 'material conflict',
  SANCTION: 'material conflict',
  MOBILIZE: 'material conflict',
  COERCE: 'material conflict',
  ASSAULT: 'material conflict',
};

export const EVENT_TYPES = Object.keys(TYPE_QUAD);

const UNKNOWN = '#9aa1a9';

export function quadColour(quad) {
  return QUADS.find((q) => q.id === quad)?.colour ?? UNKNOWN;
}

export function typeQuad(type) {
  return TYPE_QUAD[String(type || '').toUpperCase()] ?? null;
}

// Evidence kinds in the article view, in the order that wins when spans overlap.
export const EVIDENCE = [
  { id: 'trigger', label: 'Trigger' },
  { id: 'actor', label: 'Actor' },
  { id: 'recipient', label: 'Recipient' },
  { id: 'size', label: 'Size' },
  { id: 'place', label: 'Place' },
  { id: 'date', label: 'Date' },
];
