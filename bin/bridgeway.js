#!/usr/bin/env node
// The `bridgeway` command. Runs under the project's Node 24 (node_modules/.bin/node), which
// npx and npm scripts put first on PATH; Node 24 runs the TypeScript sources directly.
import '../src/cli/main.ts';
