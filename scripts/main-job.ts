// The main job (`npm start`): start the local SalesLoft sandbox on a free port, run the recipe
// through the connector, print each step, stop the sandbox.

import { createConnector } from '../connector/index.js';
import { startSandbox } from '../sandbox/server.js';
import { runRecipe } from './recipe.js';

const sandbox = await startSandbox({ port: 0 });
console.log(`SalesLoft sandbox listening on ${sandbox.url}`);
let exitCode = 0;
try {
  const connector = createConnector({ baseUrl: sandbox.url, accessToken: 'sandbox-token', env: {} });
  let step = 0;
  await runRecipe(connector, (line) => console.log(`${String(++step).padStart(2)}. ${line}`));
  console.log(`Done: ${sandbox.requests.length} requests sent to the sandbox.`);
} catch (error) {
  console.error(`The recipe failed: ${(error as Error).message}`);
  exitCode = 1;
} finally {
  await sandbox.close();
}
process.exitCode = exitCode;
