// Fonts embedded in generated documents: Vietnamese needs full Latin Extended Additional coverage.
import fs from 'node:fs';

const CANDIDATES = {
  regular: ['/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'],
  bold: ['/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'],
};

/** the first installed font of each weight (Debian: fonts-noto-core), overridable with DAIHOI_FONT_REGULAR / DAIHOI_FONT_BOLD */
export function sansFonts(env: NodeJS.ProcessEnv = process.env): { regular: string; bold: string } {
  const pick = (list: string[], override?: string) => {
    const found = [override, ...list].find((p) => p && fs.existsSync(p));
    if (!found) throw new Error(`no font with Vietnamese glyphs found (tried ${list.join(', ')}); install fonts-noto-core`);
    return found;
  };
  return { regular: pick(CANDIDATES.regular, env.DAIHOI_FONT_REGULAR), bold: pick(CANDIDATES.bold, env.DAIHOI_FONT_BOLD) };
}
