// Synthetic Vietnamese people and places: family / middle / given names weighted roughly as in the population.
import { weighted, type Random, type Weighted } from './prng.js';

// family names with approximate shares (%) of the population
export const FAMILY: Weighted<string> = weighted([
  ['Nguyễn', 38], ['Trần', 11], ['Lê', 9.5], ['Phạm', 7], ['Hoàng', 4.1], ['Huỳnh', 1.1], ['Phan', 4.5], ['Vũ', 2.9], ['Võ', 1.1],
  ['Đặng', 2.1], ['Bùi', 2], ['Đỗ', 1.4], ['Hồ', 1.3], ['Ngô', 1.3], ['Dương', 1], ['Lý', 0.5], ['Đinh', 0.6], ['Trịnh', 0.5],
  ['Đoàn', 0.5], ['Lương', 0.4], ['Mai', 0.4], ['Trương', 0.5], ['Tạ', 0.2], ['Hà', 0.5], ['Lâm', 0.3], ['Cao', 0.3], ['Chu', 0.2],
  ['Quách', 0.1], ['Triệu', 0.2], ['Lò', 0.2], ['Hứa', 0.1], ['Khổng', 0.05], ['Thái', 0.1], ['Tô', 0.15], ['La', 0.1], ['Kiều', 0.1],
  ['Vương', 0.1], ['Phùng', 0.2], ['Đàm', 0.1], ['Nông', 0.3], ['Lục', 0.05], ['Ma', 0.05], ['Hầu', 0.05], ['Giáp', 0.05], ['Âu', 0.05],
  ['Từ', 0.05], ['Mạc', 0.05], ['Tăng', 0.05], ['Châu', 0.1], ['Lã', 0.05], ['Bạch', 0.05], ['Thân', 0.1], ['Khúc', 0.05],
  ['Nghiêm', 0.05], ['Quan', 0.05], ['Tiêu', 0.03], ['Doãn', 0.05], ['Ninh', 0.05], ['Lưu', 0.2], ['Diệp', 0.05], ['Kim', 0.05],
  ['Đồng', 0.05], ['Viên', 0.02], ['Y', 0.05], ['Thạch', 0.1], ['Sơn', 0.1], ['Danh', 0.05], ['Lữ', 0.03], ['Mẫn', 0.02],
]);

const MIDDLE_MALE: Weighted<string> = weighted([
  ['Văn', 30], ['Đức', 6], ['Minh', 6], ['Quốc', 4], ['Hữu', 4], ['Công', 3], ['Thanh', 3], ['Ngọc', 2], ['Xuân', 2], ['Anh', 1],
  ['Quang', 3], ['Trọng', 2], ['Mạnh', 1], ['Tuấn', 1], ['Thành', 1], ['Hoàng', 1], ['Đình', 3], ['Bá', 1.5], ['Duy', 2], ['Gia', 1],
  ['Trung', 1], ['Tiến', 1], ['Hồng', 1], ['Việt', 1], ['Kim', 0.5], ['Thế', 2], ['Chí', 1], ['Phúc', 0.5], ['Nhật', 0.5], ['Hải', 1],
  ['Văn Minh', 0.5], ['Đức Anh', 0.3], ['Ngọc Minh', 0.2], ['Hoài', 0.5], ['Khắc', 0.5], ['Tất', 0.2], ['Viết', 0.5], ['Sỹ', 0.5],
  ['Kim Văn', 0.1], ['', 2],
]);

const MIDDLE_FEMALE: Weighted<string> = weighted([
  ['Thị', 40], ['Thu', 4], ['Ngọc', 4], ['Thanh', 3], ['Hồng', 2], ['Minh', 2], ['Phương', 1.5], ['Kim', 2], ['Thùy', 2], ['Mai', 1],
  ['Bích', 1], ['Diệu', 0.5], ['Hải', 1], ['Lan', 0.5], ['Khánh', 1], ['Tuyết', 0.5], ['Thúy', 1], ['Quỳnh', 0.5], ['Bảo', 0.5],
  ['Huyền', 0.3], ['Thị Thu', 3], ['Thị Ngọc', 2], ['Thị Thanh', 2], ['Thị Minh', 1], ['Thị Hồng', 1.5], ['Thị Kim', 1], ['Thị Mai', 0.5],
  ['Thị Thùy', 0.5], ['Hoài', 0.5], ['Cẩm', 0.3], ['Xuân', 1], ['Vân', 0.2], ['', 1],
]);

const GIVEN_MALE = [
  'Anh', 'An', 'Bảo', 'Bình', 'Cường', 'Chiến', 'Công', 'Dũng', 'Duy', 'Dương', 'Đạt', 'Đức', 'Hải', 'Hiếu', 'Hiệp', 'Hòa', 'Hoàng',
  'Hùng', 'Huy', 'Hưng', 'Khang', 'Khánh', 'Khoa', 'Kiên', 'Lâm', 'Linh', 'Long', 'Lộc', 'Lợi', 'Luân', 'Mạnh', 'Minh', 'Nam', 'Nghĩa',
  'Nguyên', 'Nhân', 'Phát', 'Phong', 'Phú', 'Phúc', 'Phương', 'Quang', 'Quân', 'Quốc', 'Quý', 'Sơn', 'Tài', 'Tâm', 'Tân', 'Thắng',
  'Thành', 'Thanh', 'Thái', 'Thạch', 'Thiện', 'Thịnh', 'Thông', 'Toàn', 'Trí', 'Trọng', 'Trung', 'Trường', 'Tú', 'Tuấn', 'Tùng',
  'Việt', 'Vinh', 'Vĩnh', 'Vũ', 'Hậu', 'Hiển', 'Khải', 'Lực', 'Tiến', 'Tín', 'Thuận', 'Định', 'Giang', 'Hà', 'Học', 'Kỳ', 'Lương',
  'Nhật', 'Sang', 'Sỹ', 'Tấn', 'Tuyên', 'Vượng', 'Xuân', 'Bắc', 'Biên', 'Cảnh', 'Chính', 'Chung', 'Đông', 'Điệp', 'Hạnh', 'Hào',
  'Hiền', 'Hoan', 'Hợp', 'Khiêm', 'Khôi', 'Lai', 'Lãm', 'Lập', 'Liêm', 'Lĩnh', 'Luyện', 'Ngọc', 'Nhất', 'Ninh', 'Phụng', 'Quyết',
  'Sáng', 'Sinh', 'Tạo', 'Thao', 'Thể', 'Thiệu', 'Thuyết', 'Tiệp', 'Toản', 'Trình', 'Tuệ', 'Văn', 'Vương', 'Yên',
];

const GIVEN_FEMALE = [
  'Anh', 'An', 'Ánh', 'Bích', 'Châu', 'Chi', 'Dung', 'Duyên', 'Giang', 'Hà', 'Hạnh', 'Hằng', 'Hiền', 'Hoa', 'Hòa', 'Hồng', 'Huệ',
  'Hương', 'Hường', 'Huyền', 'Lan', 'Liên', 'Linh', 'Loan', 'Ly', 'Mai', 'Minh', 'My', 'Nga', 'Ngân', 'Ngọc', 'Nguyệt', 'Nhung',
  'Nhàn', 'Oanh', 'Phương', 'Phượng', 'Quỳnh', 'Tâm', 'Thảo', 'Thanh', 'Thắm', 'Thoa', 'Thu', 'Thúy', 'Thủy', 'Thư', 'Trang', 'Trâm',
  'Tuyết', 'Uyên', 'Vân', 'Vy', 'Xuân', 'Yến', 'Hậu', 'Diệp', 'Đào', 'Hải', 'Khánh', 'Lệ', 'Lụa', 'Nhi', 'Nụ', 'Sen', 'Tươi', 'Vui',
  'Bình', 'Cúc', 'Diễm', 'Điệp', 'Gấm', 'Hạ', 'Hân', 'Huế', 'Lài', 'Lam', 'Lành', 'Lê', 'Lựu', 'Mận', 'Mến', 'Miên', 'Mỹ', 'Na',
  'Nhạn', 'Như', 'Ninh', 'Quế', 'Quyên', 'Sương', 'Thơ', 'Thuận', 'Thương', 'Tiên', 'Trinh', 'Tú', 'Tuyền', 'Vinh', 'Xoan',
];

// Zipf-like: a few given names are very common
const zipf = (names: readonly string[]) => weighted(names.map((n, i) => [n, 1 / Math.pow(i + 8, 0.9)] as const));
const GIVEN_M = zipf(GIVEN_MALE);
const GIVEN_F = zipf(GIVEN_FEMALE);

export function personName(random: Random, gender: 'male' | 'female'): string {
  const family = random.pickWeighted(FAMILY);
  const middle = random.pickWeighted(gender === 'male' ? MIDDLE_MALE : MIDDLE_FEMALE);
  const given = random.pickWeighted(gender === 'male' ? GIVEN_M : GIVEN_F);
  return middle ? `${family} ${middle} ${given}` : `${family} ${given}`;
}

// place names: two Sino-Vietnamese syllables, as most commune and ward names are
const PLACE_FIRST = [
  'Tân', 'Hòa', 'An', 'Bình', 'Phú', 'Thạnh', 'Đông', 'Tây', 'Nam', 'Bắc', 'Vĩnh', 'Long', 'Hưng', 'Phước', 'Thuận', 'Đức', 'Minh',
  'Quang', 'Thanh', 'Trung', 'Hải', 'Sơn', 'Kim', 'Yên', 'Lạc', 'Hồng', 'Xuân', 'Thái', 'Mỹ', 'Cát', 'Gia', 'Quảng', 'Thượng', 'Hạ',
  'Đại', 'Tiên', 'Nghĩa', 'Hiệp', 'Phong', 'Khánh', 'Lộc', 'Cẩm', 'Tam', 'Tứ', 'Ngọc', 'Vạn', 'Định', 'Hương', 'Liên', 'Trường',
];
const PLACE_SECOND = [
  'Phong', 'Thịnh', 'Lợi', 'Hiệp', 'Thành', 'Lộc', 'Phúc', 'Khánh', 'Điền', 'Mỹ', 'Tiến', 'An', 'Bình', 'Hòa', 'Hưng', 'Long', 'Sơn',
  'Hải', 'Thủy', 'Lâm', 'Quang', 'Xuân', 'Trung', 'Đông', 'Tây', 'Nam', 'Bắc', 'Phú', 'Tân', 'Thạnh', 'Hậu', 'Đức', 'Nghĩa', 'Lạc',
  'Phước', 'Vinh', 'Yên', 'Hồng', 'Giang', 'Dương', 'Cường', 'Thắng', 'Minh', 'Châu', 'Liên', 'Hà', 'Ninh', 'Khê', 'Trà', 'Cầu',
];

export function placeName(random: Random): string {
  let second = random.pick(PLACE_SECOND);
  const first = random.pick(PLACE_FIRST);
  while (second === first) second = random.pick(PLACE_SECOND);
  return `${first} ${second}`;
}

export const ETHNICITIES: Weighted<string> = weighted([
  ['Kinh', 85.3], ['Tày', 1.9], ['Thái', 1.8], ['Mường', 1.5], ['Khmer', 1.3], ['Hoa', 0.8], ['Nùng', 1.1], ['Mông', 1.0], ['Dao', 0.9],
  ['Gia Rai', 0.5], ['Ê Đê', 0.4], ['Ba Na', 0.3], ['Sán Chay', 0.2], ['Chăm', 0.2], ['Cơ Ho', 0.2], ['Xơ Đăng', 0.2], ['Sán Dìu', 0.2],
]);

export const RELIGIONS: Weighted<string | null> = weighted([[null, 93], ['Phật giáo', 4], ['Công giáo', 2], ['Cao Đài', 0.5], ['Tin Lành', 0.3], ['Hòa Hảo', 0.2]]);
