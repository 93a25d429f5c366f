import { describe, expect, test } from 'vitest';
import { inScriptOf, scriptOf } from './script';

describe('the script of a page', () => {
  test('simplified text is simplified; text with traditional characters is traditional', () => {
    expect(scriptOf('基层党组织严格落实三会一课制度，并向贫困村选派第一书记。')).toBe('simplified');
    expect(scriptOf('基層黨組織嚴格落實三會一課制度，並向貧困村選派第一書記。')).not.toBe('simplified');
  });

  test("Hong Kong's conventions where the page follows them (裏, 着), else Taiwan's (裡, 著)", () => {
    expect(scriptOf('他在村裏着力推動工作')).toBe('hk');
    expect(scriptOf('他在村裡著力推動工作')).toBe('tw');
  });

  test("the glossary's Chinese in the page's script, nothing converted on a simplified page", () => {
    expect(inScriptOf('官方媒體近日再度強調', ['两个维护', '口号提法'])).toEqual({ script: 'tw', texts: ['兩個維護', '口號提法'] });
    expect(inScriptOf('官方媒体近日再度强调', ['两个维护'])).toEqual({ script: 'simplified', texts: [] });
  });
});
