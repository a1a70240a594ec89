// Worker threads do not inherit tsx's loader: register it, then load the TypeScript sender.
import { register } from 'tsx/esm/api';

register();
await import('./smtp-sender.ts');
