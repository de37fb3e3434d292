// When a view refreshes on the platform's live changes: the event types it follows, and a subject it is about.
import { test, mock } from 'node:test';
import assert from 'node:assert/strict';
import { deliver, whenChanged } from '../../main/resources/static/js/live.js';

const change = (types, subjects) => ({ types, subjects, count: subjects.length || 1 });

test('a watch with a subject refreshes for changes to it and not for changes to others', () => {
  mock.timers.enable({ apis: ['setTimeout'] });
  const refresh = mock.fn();
  const stop = whenChanged(['did.'], refresh, { subject: '15550001' });

  deliver(change(['did.DidUpdated.v1'], ['15550002']));
  mock.timers.tick(6000);
  assert.equal(refresh.mock.callCount(), 0);

  deliver(change(['did.DidUpdated.v1'], ['15550002', '15550001']));
  mock.timers.tick(6000);
  assert.ok(refresh.mock.callCount() >= 1);
  stop();
  mock.timers.reset();
});

test('a change naming as many subjects as the stream names may hide it, and a reconnect stands for any', () => {
  mock.timers.enable({ apis: ['setTimeout'] });
  const refresh = mock.fn();
  const stop = whenChanged(['did.'], refresh, { subject: '15550001' });

  deliver(change(['did.DidCreated.v1'], Array.from({ length: 100 }, (_, i) => `1666${i}`)));
  mock.timers.tick(6000);
  const afterFull = refresh.mock.callCount();
  deliver(change(['*'], []));
  mock.timers.tick(6000);

  assert.ok(afterFull >= 1);
  assert.ok(refresh.mock.callCount() > afterFull);
  stop();
  mock.timers.reset();
});

test('a stopped watch refreshes no more, and other event types never', () => {
  mock.timers.enable({ apis: ['setTimeout'] });
  const refresh = mock.fn();
  const stop = whenChanged(['package.'], refresh);
  deliver(change(['did.DidHeld.v1'], ['15550001']));
  mock.timers.tick(6000);
  stop();
  deliver(change(['package.PackageCreated.v1'], ['p-1']));
  mock.timers.tick(6000);

  assert.equal(refresh.mock.callCount(), 0);
  mock.timers.reset();
});
