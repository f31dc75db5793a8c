import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { paranoidIndex } from '../../../server/src/node/paranoidIndex.js';

describe('RATIONALE_PARANOID', () => {
  it('is on for 1, off when unset, empty or 0', () => {
    assert.equal(paranoidIndex({ RATIONALE_PARANOID: '1' }), true);
    assert.equal(paranoidIndex({}), false);
    assert.equal(paranoidIndex({ RATIONALE_PARANOID: '' }), false);
    assert.equal(paranoidIndex({ RATIONALE_PARANOID: '0' }), false);
  });

  it('warns about any other value and stays off, rather than stopping the server', async () => {
    const warned = new Promise<Error>((resolve) => process.once('warning', resolve));
    assert.equal(paranoidIndex({ RATIONALE_PARANOID: 'yes' }), false);
    assert.match((await warned).message, /RATIONALE_PARANOID must be 1 \(on\) or 0 \(off\), got "yes"/);
  });
});
