// Makes `require('vscode')` resolve to the benchmark's stand-in (see vscode-stub.cjs).
'use strict';
const Module = require('node:module');
const path = require('node:path');

const STUB = path.join(__dirname, 'vscode-stub.cjs');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'vscode' ? STUB : resolve.call(this, request, ...rest);
};
