import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isLoadFailure } from './loadFailure.ts';

test('a part of the app that did not arrive is told apart from a fault in the code', () => {
  // As each browser words it, and as the build's preload helper does for a page's stylesheet.
  for (const message of [
    'Failed to fetch dynamically imported module: https://bridgeway.example/assets/AccountPage-CJPdzeQZ.js',
    'error loading dynamically imported module: https://bridgeway.example/assets/AccountPage-CJPdzeQZ.js',
    'Importing a module script failed.',
    'Unable to preload CSS for /assets/caseload-gD5xDube.css',
  ]) {
    assert.equal(isLoadFailure(new TypeError(message)), true, message);
  }
  for (const error of [
    new TypeError("Cannot read properties of undefined (reading 'map')"),
    new Error('Rendered more hooks than during the previous render.'),
    'Failed to fetch dynamically imported module',
    null,
  ]) {
    assert.equal(isLoadFailure(error), false, String(error));
  }
});
