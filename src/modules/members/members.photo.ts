// A member's photo (ảnh 3×4): what is accepted (checked by the file's own bytes, not its name) and how it is normalised.
import sharp from 'sharp';

export const PHOTO_MAX_BYTES = 2 * 1024 * 1024;
/** the stored photo: 3 wide by 4 high, at most this many pixels (about 250 dpi on a 3 × 4 cm frame) */
export const PHOTO_WIDTH = 300;
export const PHOTO_HEIGHT = 400;
/** smaller than this a printed 3 × 4 cm photo is a blur */
export const PHOTO_MIN_WIDTH = 90;
export const PHOTO_MIN_HEIGHT = 120;
/** a decoded image larger than this is refused before it is held in memory (a small PNG can claim a huge size) */
const MAX_INPUT_PIXELS = 40_000_000;

export type PhotoType = 'image/jpeg' | 'image/png';
export interface PhotoProblem {
  code: 'PHOTO_EMPTY' | 'PHOTO_TOO_LARGE' | 'PHOTO_TYPE' | 'PHOTO_UNREADABLE' | 'PHOTO_TOO_SMALL';
  message: string;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** the type by the magic bytes at the start of the file: JPEG (FF D8 FF) or PNG; anything else is null */
export function detectPhotoType(bytes: Uint8Array): PhotoType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return 'image/png';
  return null;
}

const megabytes = (n: number) => `${(n / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;

export const tooLarge = (bytes?: number): PhotoProblem => ({
  code: 'PHOTO_TOO_LARGE',
  message: `Ảnh quá lớn${bytes ? ` (${megabytes(bytes)})` : ''}: tối đa ${megabytes(PHOTO_MAX_BYTES)}. Hãy chọn ảnh nhỏ hơn.`,
});

/** what is wrong with the file before decoding it, or null */
export function checkPhotoFile(bytes: Uint8Array): PhotoProblem | null {
  if (!bytes.length) return { code: 'PHOTO_EMPTY', message: 'Tệp ảnh trống.' };
  if (bytes.length > PHOTO_MAX_BYTES) return tooLarge(bytes.length);
  if (!detectPhotoType(bytes)) return { code: 'PHOTO_TYPE', message: 'Ảnh phải là tệp JPEG hoặc PNG.' };
  return null;
}

/** the 3:4 region to keep and the size to store it at: the largest 3:4 crop, scaled down to at most PHOTO_WIDTH × PHOTO_HEIGHT */
export function photoTargetSize(width: number, height: number): { width: number; height: number } {
  const cropWidth = width * 4 > height * 3 ? Math.round((height * 3) / 4) : width;
  const cropHeight = width * 4 > height * 3 ? height : Math.round((width * 4) / 3);
  const scale = Math.min(1, PHOTO_WIDTH / cropWidth, PHOTO_HEIGHT / cropHeight);
  return { width: Math.max(1, Math.round(cropWidth * scale)), height: Math.max(1, Math.round(cropHeight * scale)) };
}

export interface NormalizedPhoto {
  jpeg: Buffer;
  width: number;
  height: number;
  sourceType: PhotoType;
}

/**
 * Decodes, turns upright (EXIF orientation of phone photos), crops to 3:4 around the most interesting part,
 * scales down, flattens transparency onto white and re-encodes as JPEG without metadata (no GPS from the phone).
 */
export async function normalizeMemberPhoto(bytes: Buffer): Promise<NormalizedPhoto | PhotoProblem> {
  const problem = checkPhotoFile(bytes);
  if (problem) return problem;
  const sourceType = detectPhotoType(bytes)!;
  const unreadable: PhotoProblem = { code: 'PHOTO_UNREADABLE', message: 'Không đọc được ảnh: tệp JPEG/PNG bị hỏng hoặc quá lớn về kích thước điểm ảnh.' };
  try {
    const meta = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
    const upright = meta.autoOrient ?? { width: meta.width, height: meta.height };
    if (!upright.width || !upright.height) return unreadable;
    if (upright.width < PHOTO_MIN_WIDTH || upright.height < PHOTO_MIN_HEIGHT) {
      return { code: 'PHOTO_TOO_SMALL', message: `Ảnh quá nhỏ (${upright.width} × ${upright.height} điểm ảnh): cần ít nhất ${PHOTO_MIN_WIDTH} × ${PHOTO_MIN_HEIGHT}.` };
    }
    const size = photoTargetSize(upright.width, upright.height);
    const { data, info } = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS })
      .rotate()
      .resize(size.width, size.height, { fit: 'cover', position: sharp.strategy.attention })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 85, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    return { jpeg: data, width: info.width, height: info.height, sourceType };
  } catch {
    return unreadable;
  }
}

export const isPhotoProblem = (x: NormalizedPhoto | PhotoProblem): x is PhotoProblem => 'code' in x;
