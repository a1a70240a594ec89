export { createSecretBox, isKeyText, isSealed, keyIdFor, keyIdOf, sealedColumn, SealedSecretError, type SealedColumn, type SecretBox } from './sealed-secrets.ts';
export { keyFilePath, loadSecretBox, newKeyText, SecretsKeyError, type LoadedKey } from './load-key.ts';
export { forgetSealedSecrets, sealStoredSecrets, type SealingReport } from './seal-stored.ts';
