// The UI's number rule against the vectors did-contracts' DidNumberTest checks the services' rule with.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { InvalidNumber, isNumber, normaliseNumber, numberPrefix } from '../../main/resources/static/js/numbers.js';

const vectors = JSON.parse(readFileSync(
  new URL('../../../../did-contracts/src/test/resources/did-numbers.json', import.meta.url), 'utf8'));

function check(rule, { written, digits, refused }) {
  if (refused) {
    assert.throws(() => rule(written), InvalidNumber, JSON.stringify(written));
  } else {
    assert.equal(rule(written), digits, JSON.stringify(written));
  }
}

test('numbers are normalised as the services normalise them', () => {
  vectors.normalise.forEach((vector) => check(normaliseNumber, vector));
});

test('search prefixes are read as the services read them', () => {
  vectors.prefix.forEach((vector) => check(numberPrefix, vector));
});

test('a refusal says what was written and what is expected, in the services\' words', () => {
  assert.throws(() => normaliseNumber('12ab'), {
    code: 'INVALID_NUMBER',
    message: "'12ab' is not a valid number: 5 to 15 digits expected (+, spaces, dashes, dots and brackets are ignored)",
  });
});

test('only digits are a number as stored', () => {
  assert.equal(isNumber('15550000000'), true);
  assert.equal(isNumber('+15550000000'), false);
  assert.equal(isNumber(undefined), false);
});
