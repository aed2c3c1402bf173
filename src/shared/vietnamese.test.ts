import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compareVietnameseNames, foldForSearch, nameMatchesWords, searchWords, splitVietnameseName, vietnameseNameSortKey } from './vietnamese.js';

describe('foldForSearch', () => {
  it('removes diacritics, đ included, and lower-cases', () => {
    assert.equal(foldForSearch('Nguyễn Thị Hương'), 'nguyen thi huong');
    assert.equal(foldForSearch('ĐỖ TUẤN SƠN'), 'do tuan son');
    assert.equal(foldForSearch('Đảng bộ phường Đình Bảng'), 'dang bo phuong dinh bang');
  });
  it('treats composed and decomposed text alike and collapses spaces', () => {
    assert.equal(foldForSearch('Nguye\u0302\u0303n  Thi\u0323 '), 'nguyen thi');
    assert.equal(foldForSearch('  Ư   Ơ '), 'u o');
  });
});

describe('nameMatchesWords', () => {
  it('matches each query word at the start of a word of the name', () => {
    assert.ok(nameMatchesWords('Nguyễn Thị Hương', searchWords('nguyen thi huong')));
    assert.ok(nameMatchesWords('Nguyễn Thị Hương', searchWords('HƯƠNG ng')));
    assert.ok(!nameMatchesWords('Nguyễn Thị Phương', searchWords('nguyen thi huong')), 'huong is not phuong');
    assert.ok(nameMatchesWords('Đảng bộ phường Từ Sơn', searchWords('tu son')));
    assert.ok(nameMatchesWords('Đảng bộ phường Từ Sơn', []), 'no words match everything');
    assert.ok(nameMatchesWords('Nguyễn Thị Hương', searchWords('nguyen thi huo')), 'the last word may be unfinished');
    assert.ok(!nameMatchesWords('Nguyễn Thị Hương', searchWords('ng thi huong')), 'the words before it are whole words');
  });
});

describe('splitVietnameseName', () => {
  it('takes the last word as the given name', () => {
    assert.deepEqual(splitVietnameseName('Nguyễn Thị Hương'), { family: 'Nguyễn', middle: 'Thị', given: 'Hương' });
    assert.deepEqual(splitVietnameseName(' Tôn Nữ Thị  Ninh '), { family: 'Tôn', middle: 'Nữ Thị', given: 'Ninh' });
    assert.deepEqual(splitVietnameseName('Gấu'), { family: '', middle: '', given: 'Gấu' });
    assert.deepEqual(splitVietnameseName(''), { family: '', middle: '', given: '' });
  });
});

describe('Vietnamese name order', () => {
  it('sorts by given name first, then the whole name', () => {
    const names = ['Trần Văn Bình', 'Nguyễn Thị Hương', 'Đỗ Tuấn Sơn', 'Lê Văn An', 'Nguyễn Văn Gấu', 'Bùi Văn Quang', 'Nguyễn Hương Giang', 'Đoàn Thị Hậu', 'Phạm Xuân Hiệp', 'Ân Văn Bình'];
    assert.deepEqual([...names].sort(compareVietnameseNames), [
      'Lê Văn An',
      'Ân Văn Bình',
      'Trần Văn Bình',
      'Nguyễn Văn Gấu',
      'Nguyễn Hương Giang',
      'Đoàn Thị Hậu',
      'Phạm Xuân Hiệp',
      'Nguyễn Thị Hương',
      'Bùi Văn Quang',
      'Đỗ Tuấn Sơn',
    ]);
  });
  it('puts ă, â after a, đ after d, ư after u — letters of their own', () => {
    const given = ['Ánh', 'Anh', 'Ất', 'Ân', 'Dũng', 'Đức', 'Uyên', 'Ước', 'Yến'];
    assert.deepEqual(given.map((g) => `Lê ${g}`).sort(compareVietnameseNames).map((n) => n.slice(3)), ['Anh', 'Ánh', 'Ân', 'Ất', 'Dũng', 'Đức', 'Uyên', 'Ước', 'Yến']);
  });
  it('orders tones: none, huyền, hỏi, ngã, sắc, nặng', () => {
    const tones = ['Ma', 'Mà', 'Mả', 'Mã', 'Má', 'Mạ'];
    assert.deepEqual([...tones].reverse().map((t) => `Lê ${t}`).sort(compareVietnameseNames).map((n) => n.slice(3)), tones);
  });

  const syllables = ['a', 'á', 'à', 'ả', 'ã', 'ạ', 'ă', 'ắ', 'â', 'ấ', 'b', 'c', 'd', 'đ', 'e', 'ê', 'ế', 'g', 'h', 'i', 'ị', 'k', 'l', 'm', 'n', 'o', 'ô', 'ơ', 'ờ', 'p', 'q', 'r', 's', 't', 'u', 'ư', 'ự', 'v', 'x', 'y', 'ỳ', 'A', 'Ă', 'Đ', 'Ơ', 'Ư', 'N', 'T'];
  const word = fc.array(fc.constantFrom(...syllables), { minLength: 1, maxLength: 5 }).map((cs) => cs.join(''));
  const name = fc.array(word, { minLength: 1, maxLength: 4 }).map((ws) => ws.join(' '));

  it('the stored sort key orders names exactly as Intl.Collator("vi") does (property)', () => {
    fc.assert(
      fc.property(name, name, (a, b) => {
        const byCollator = Math.sign(compareVietnameseNames(a, b));
        const ka = vietnameseNameSortKey(a);
        const kb = vietnameseNameSortKey(b);
        const byKey = ka < kb ? -1 : ka > kb ? 1 : 0;
        // names the collator calls equal may differ in the key only by what the collator ignores
        return byCollator === 0 || byKey === byCollator;
      }),
      { numRuns: 20000 },
    );
  });
  it('the sort key is plain ASCII (sorts byte-wise on both engines)', () => {
    fc.assert(fc.property(name, (n) => /^[\x20-\x7e]*$/.test(vietnameseNameSortKey(n))));
  });
});
