import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { configWith } from '../config.ts';
import { keyFilePath, loadSecretBox, newKeyText, SecretsKeyError } from './load-key.ts';
import { createSecretBox, keyIdFor } from './sealed-secrets.ts';

function recorder() {
  const lines: Array<{ level: string; obj: object; msg: string }> = [];
  return {
    lines,
    info: (obj: object, msg: string) => lines.push({ level: 'info', obj, msg }),
    warn: (obj: object, msg: string) => lines.push({ level: 'warn', obj, msg }),
  };
}

describe('the secrets key', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const d = mkdtempSync(join(tmpdir(), 'sb-key-'));
    dirs.push(d);
    return d;
  };
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('is made on first start as secrets.key in DATA_DIR (mode 0600), with a warning to back it up, and read back after', () => {
    const dir = tempDir();
    const log = recorder();
    const loaded = loadSecretBox(configWith({ DATA_DIR: dir }), log);
    const first = loaded.box;
    const path = join(dir, 'secrets.key');
    expect(keyFilePath(configWith({ DATA_DIR: dir }))).toBe(path);
    expect(loaded).toMatchObject({ madeFile: path, source: `from the key file ${path}` });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, 'utf8')).toMatch(/^# Switchboard secrets key/);
    const made = log.lines.find((l) => l.level === 'warn')!;
    expect(made.msg).toMatch(new RegExp(`made a new secrets key in ${path}: back it up separately from the database`));
    expect(made.obj).toMatchObject({ keyId: first.keyId, keyFile: path });
    expect(JSON.stringify(log.lines)).not.toContain(readFileSync(path, 'utf8').split('\n').at(-2));

    const reread = loadSecretBox(configWith({ DATA_DIR: dir }), recorder());
    expect(reread.madeFile).toBeNull();
    const again = reread.box;
    expect(again.keyId).toBe(first.keyId);
    expect(again.open(first.seal('support-secret', 'c'), 'c')).toBe('support-secret');
  });

  it('tells a PostgreSQL installation that every instance needs the same key', () => {
    const log = recorder();
    loadSecretBox(configWith({ DATA_DIR: tempDir(), DATABASE_URL: 'postgres://db.example/switchboard' }), log);
    expect(log.lines.find((l) => l.level === 'warn')!.msg).toMatch(/every instance on this database needs the same key/);
  });

  it('prefers SECRETS_KEY (no file is made), and opens with SECRETS_KEY_PREVIOUS', () => {
    const dir = tempDir();
    const current = newKeyText();
    const previous = newKeyText();
    const config = configWith({ DATA_DIR: dir, SECRETS_KEY: current, SECRETS_KEY_PREVIOUS: previous });
    const { box, source } = loadSecretBox(config, recorder());
    expect(box.keyIds).toEqual([keyIdFor(Buffer.from(current, 'base64')), keyIdFor(Buffer.from(previous, 'base64'))]);
    expect(() => statSync(join(dir, 'secrets.key'))).toThrow();
    expect(source).toBe('from SECRETS_KEY');
    const old = createSecretBox([Buffer.from(previous, 'base64')]);
    expect(box.open(old.seal('whsec_x', 'c'), 'c')).toBe('whsec_x');
  });

  it('reads previous keys from further lines of the key file (SECRETS_KEY_FILE), and refuses a broken file clearly', () => {
    const dir = tempDir();
    const path = join(dir, 'elsewhere', 'switchboard.key');
    const keys = [newKeyText(), newKeyText()];
    loadSecretBox(configWith({ DATA_DIR: dir, SECRETS_KEY_FILE: path }), recorder()); // makes the folder and file
    writeFileSync(path, `# rotated\n${keys[0]}\n\n${keys[1]}\n`, { mode: 0o600 });
    const { box } = loadSecretBox(configWith({ DATA_DIR: dir, SECRETS_KEY_FILE: path }), recorder());
    expect(box.keyIds).toEqual(keys.map((k) => keyIdFor(Buffer.from(k, 'base64'))));

    writeFileSync(path, `${keys[0]}\nnot a key\n`);
    expect(() => loadSecretBox(configWith({ DATA_DIR: dir, SECRETS_KEY_FILE: path }), recorder())).toThrow(SecretsKeyError);
    expect(() => loadSecretBox(configWith({ DATA_DIR: dir, SECRETS_KEY_FILE: path }), recorder())).toThrow(/Line 2 of the secrets key file .* is not a key/);
    writeFileSync(path, '# nothing here\n');
    expect(() => loadSecretBox(configWith({ DATA_DIR: dir, SECRETS_KEY_FILE: path }), recorder())).toThrow(/holds no key/);
  });

  it('warns when the key file can be read by others', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'secrets.key'), `${randomBytes(32).toString('base64')}\n`, { mode: 0o644 });
    const log = recorder();
    loadSecretBox(configWith({ DATA_DIR: dir }), log);
    expect(log.lines.some((l) => l.level === 'warn' && /can be read by other users: chmod 600/.test(l.msg))).toBe(true);
  });

  it('lives only in memory with DATA_DIR=memory://, like the database', () => {
    const a = loadSecretBox(configWith({ DATA_DIR: 'memory://' }), recorder()).box;
    const b = loadSecretBox(configWith({ DATA_DIR: 'memory://' }), recorder()).box;
    expect(a.keyId).not.toBe(b.keyId);
    expect(keyFilePath(configWith({ DATA_DIR: 'memory://' }))).toBeNull();
  });
});
