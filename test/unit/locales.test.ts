// The browser's own localization (public/_locales): every locale carries every message, and every
// message the manifest or the code asks for exists. A missing key shows as "__MSG_x__" or as an empty
// menu item, and a store refuses a package whose default locale lacks a message the manifest names.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const LOCALES_DIR = path.join(ROOT, 'public/_locales');
const LOCALES = ['en', 'zh_CN', 'zh_TW'];

type Messages = Record<string, { message: string; description?: string }>;
const messages = (locale: string): Messages =>
  JSON.parse(fs.readFileSync(path.join(LOCALES_DIR, locale, 'messages.json'), 'utf8')) as Messages;

/** Every `getMessage('x')` in the extension's code and every `__MSG_x__` in the config. */
function requestedKeys(): string[] {
  const files = [path.join(ROOT, 'wxt.config.ts')];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) files.push(file);
    }
  };
  walk(path.join(ROOT, 'src'));
  walk(path.join(ROOT, 'entrypoints'));
  const keys = new Set<string>();
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/__MSG_(\w+)__|getMessage\(\s*['"](\w+)['"]/g)) keys.add(m[1] ?? m[2]!);
  }
  return [...keys].sort();
}

test('the three locales are the ones shipped, each with the same messages, none empty', () => {
  expect(fs.readdirSync(LOCALES_DIR).sort()).toEqual([...LOCALES].sort());
  const english = Object.keys(messages('en')).sort();
  for (const locale of LOCALES) {
    const m = messages(locale);
    expect(Object.keys(m).sort(), locale).toEqual(english);
    for (const [key, value] of Object.entries(m)) expect(value.message.trim(), `${locale} ${key}`).not.toBe('');
  }
});

test('every message the manifest and the code ask for exists', () => {
  const keys = requestedKeys();
  // The name, the description, the command and the context-menu item at least.
  expect(keys).toEqual(expect.arrayContaining(['extName', 'extDescription', 'commandToggleSite', 'contextMenuAddSelection']));
  const english = messages('en');
  expect(keys.filter((k) => !(k in english))).toEqual([]);
});

test("the stores' length limits hold in every language", () => {
  for (const locale of LOCALES) {
    const m = messages(locale);
    // Chrome: name at most 75 characters, description at most 132.
    expect([...m.extName!.message].length, locale).toBeLessThanOrEqual(75);
    expect([...m.extDescription!.message].length, locale).toBeLessThanOrEqual(132);
  }
});

test('Chinese locales are in Chinese, in their own script', () => {
  expect(messages('zh_CN').contextMenuAddSelection!.message).toBe('添加到提法词库');
  expect(messages('zh_TW').contextMenuAddSelection!.message).toBe('加入提法詞庫');
  // Simplified and traditional forms of the same words: each locale uses its own.
  expect(messages('zh_CN').extDescription!.message).toMatch(/新闻/);
  expect(messages('zh_TW').extDescription!.message).toMatch(/新聞/);
});
