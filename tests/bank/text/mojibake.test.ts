import { describe, expect, it } from 'vitest';
import { repairMacRomanMojibake } from '../../../src/bank/text/mojibake.js';

describe('Mac Roman mojibake repair', () => {
  it('restores emoji, with or without the Apple-logo lead byte', () => {
    expect(repairMacRomanMojibake('# \uf8ffü§ñ 100 Questions').text).toBe('# 🤖 100 Questions');
    expect(repairMacRomanMojibake('# ü§ñ 100 Questions').text).toBe('# 🤖 100 Questions');
    expect(repairMacRomanMojibake('\uf8ffüèóÔ∏è Transformer').text).toBe('🏗️ Transformer');
  });

  it('restores punctuation and accented letters', () => {
    expect(repairMacRomanMojibake('scratch‚Äîit is ‚Äúquoted‚Äù').text).toBe('scratch—it is “quoted”');
    expect(repairMacRomanMojibake('caf√© ‚¨Ü').text).toBe('café ⬆');
  });

  it('leaves genuine non-ASCII text alone', () => {
    for (const text of ['évaluations techniques', 'naïve Bayes — über', '“École” polytechnique', '日本語のテキスト', 'Ω ≈ π']) {
      expect(repairMacRomanMojibake(text)).toEqual({ text, repaired: 0 });
    }
  });
});
