// Draws public/logo.png from public/logo.svg: the feed logo. RSS 2.0's
// <image> must be GIF, JPEG or PNG and at most 144 pixels wide.
// Run: npx node scripts/make-logo-png.mjs
import sharp from 'sharp';

const SIZE = 144;
await sharp('public/logo.svg', { density: Math.ceil((72 * SIZE) / 64) })
  .resize(SIZE, SIZE)
  .png({ compressionLevel: 9 })
  .toFile('public/logo.png');
