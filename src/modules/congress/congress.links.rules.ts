// Where the QR code of a delegate card points. Pure: the link base is given, nothing is resolved.
import type { RuleProblem } from './congress.rules.js';

/** a host name or address that means "this machine": a phone that opens it reaches itself, not the server */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (/^127(\.\d{1,3}){3}$/.test(h) || h === '0.0.0.0') return true;
  return h === '::1' || h === '::' || /^(0{0,4}:){2,7}0{0,3}1$/.test(h) || h.startsWith('::ffff:127.');
}

/** the card links cannot be opened by the delegates' phones: their base names this machine (the clerk opened the app as localhost) */
export function cardLinkProblem(base: string): RuleProblem | null {
  let host: string;
  try {
    host = new URL(base).hostname;
  } catch {
    return { code: 'CARD_LINK_INVALID', message: `Địa chỉ trên thẻ (${base}) không hợp lệ; hãy đặt DAIHOI_PUBLIC_URL, ví dụ http://192.168.1.10:3000.` };
  }
  if (!isLoopbackHost(host)) return null;
  return {
    code: 'CARD_LINK_LOOPBACK',
    message: `Mã QR trên thẻ sẽ trỏ tới ${base} — địa chỉ của chính máy này, điện thoại của đại biểu không mở được. Hãy mở daihoi bằng địa chỉ mạng LAN của máy chủ (ví dụ http://192.168.1.10:3000) rồi in thẻ, hoặc đặt biến môi trường DAIHOI_PUBLIC_URL.`,
    details: { base },
  };
}
