import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { defaultConfig, parseConfig } from '../../../server/src/core/workspace/config.js';
import { checkProperty } from '../../helpers/checkProperty.js';

/** Config values, mostly of the right shape, some not. */
const globs = fc.array(fc.constantFrom('docs/adr', 'src/**', '', '!x', '**/*.md'), { maxLength: 3 });
const config = fc.record({
  folders: fc.oneof(fc.record({ decision: globs, project: globs, goal: globs }, { requiredKeys: [] }), fc.constant({ other: [] }), fc.constant('docs')),
  idPrefixes: fc.oneof(fc.record({ decision: fc.constantFrom('ADR', 'DEC', ''), goal: fc.constantFrom('GOAL', 'OKR') }, { requiredKeys: [] }), fc.constant([])),
  statusMap: fc.dictionary(fc.constantFrom('Approved by CAB', 'Live', '', '__proto__'), fc.constantFrom('accepted', 'proposed', 'bogus')),
  ignore: fc.oneof(globs, fc.constant('x')),
  severity: fc.dictionary(fc.constantFrom('review-overdue', 'unknown-id', 'forbid-import', 'made-up'), fc.constantFrom('error', 'warning', 'info', 'off', 'loud')),
  template: fc.constantFrom('madr', 'nygard', 'other'),
  maxFileSizeBytes: fc.oneof(fc.nat({ max: 10_000_000 }), fc.constant(-1), fc.constant(1.5)),
  unknown: fc.constant(true),
}, { requiredKeys: [] });
/** Configs with every value of the right shape, so the parser gets past validation. */
const validGlobs = fc.array(fc.constantFrom('docs/adr', 'src/**', '**/*.md'), { maxLength: 2 });
const validConfig = fc.record({
  folders: fc.record({ decision: validGlobs, project: validGlobs, goal: validGlobs }, { requiredKeys: [] }),
  idPrefixes: fc.record({ decision: fc.constantFrom('ADR', 'DEC'), goal: fc.constantFrom('GOAL', 'OKR') }, { requiredKeys: [] }),
  statusMap: fc.dictionary(fc.constantFrom('Approved by CAB', 'Live'), fc.constantFrom('accepted', 'proposed')),
  ignore: validGlobs,
  severity: fc.dictionary(fc.constantFrom('review-overdue', 'unknown-id', 'forbid-import'), fc.constantFrom('error', 'warning', 'info', 'off')),
  template: fc.constantFrom('madr', 'nygard'),
  maxFileSizeBytes: fc.integer({ min: 1, max: 10_000_000 }),
}, { requiredKeys: [] });

/** Configs as JSON, sometimes cut off or with arbitrary text spliced in. */
const text = fc.oneof(
  { weight: 3, arbitrary: validConfig.map((c) => JSON.stringify(c)) },
  { weight: 3, arbitrary: config.map((c) => JSON.stringify(c)) },
  { weight: 1, arbitrary: fc.tuple(config.map((c) => JSON.stringify(c)), fc.nat(), fc.string({ maxLength: 5 })).map(([t, n, s]) => t.slice(0, n % (t.length + 1)) + s) },
);

describe('.rationale.json on generated input', () => {
  it('never throws, and gives a well-formed config and clear errors', () => {
    checkProperty('config', [text], (t) => {
      const { config: c, errors } = parseConfig(t);
      for (const e of errors) assert.ok(e.startsWith('.rationale.json'), e);
      assert.deepEqual(Object.keys(c).sort(), Object.keys(defaultConfig()).sort());
      for (const k of ['decision', 'project', 'goal'] as const) {
        assert.ok(Array.isArray(c.folders[k]) && typeof c.idPrefixes[k] === 'string');
      }
      assert.ok(Array.isArray(c.ignore) && Number.isInteger(c.maxFileSizeBytes) && c.maxFileSizeBytes > 0);
      const applied = errors.length === 0 && JSON.stringify(c) !== JSON.stringify(defaultConfig());
      return { 'a config applied': applied, 'an error': errors.length > 0 };
    }, { numRuns: 600, minimumFractions: { 'a config applied': 0.2, 'an error': 0.3 } });
  });
});
