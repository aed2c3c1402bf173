import { loadConfig } from '../server/config.js';
import { serve } from './serve.js';

serve(loadConfig()).catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
