// Near-copies of an image, the kinds a generator that memorised it would plausibly emit. Used to
// calibrate the near-duplicate threshold (on our own data and on a user's real set) and to build
// the demo's "copies" set.
import sharp from 'sharp';

export type NearCopyKind = 'jpeg' | 'shift' | 'crop' | 'resize' | 'brighten';
export const NEAR_COPY_KINDS: NearCopyKind[] = ['jpeg', 'shift', 'crop', 'resize', 'brighten'];

/** Returns encoded image bytes (PNG, or JPEG for the re-encode). Orientation is applied first. */
export async function nearCopy(bytes: Uint8Array, kind: NearCopyKind): Promise<Buffer> {
  const upright = await sharp(bytes).rotate().png().toBuffer();
  const { width = 1, height = 1 } = await sharp(upright).metadata();
  const px = (f: number, side: number) => Math.max(1, Math.round(f * side));
  switch (kind) {
    case 'jpeg':
      return sharp(upright).jpeg({ quality: 85 }).toBuffer();
    case 'shift': {
      // About 3% right and down; the uncovered edge repeats the border pixels.
      const dx = px(0.03, width);
      const dy = px(0.03, height);
      return sharp(upright)
        .extend({ left: dx, top: dy, extendWith: 'copy' })
        .extract({ left: 0, top: 0, width, height })
        .png()
        .toBuffer();
    }
    case 'crop': {
      // Trim about 4% off the left and top edges, then scale back to the original size.
      const dx = px(0.04, width);
      const dy = px(0.04, height);
      return sharp(upright).extract({ left: dx, top: dy, width: width - dx, height: height - dy }).resize(width, height).png().toBuffer();
    }
    case 'resize':
      return sharp(upright).resize(Math.round(width * 1.5), Math.round(height * 1.5)).png().toBuffer();
    case 'brighten':
      return sharp(upright).linear(1.06, 4).png().toBuffer();
  }
}
