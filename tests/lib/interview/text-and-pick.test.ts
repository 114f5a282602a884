import { pickMockCards, toBlocks } from '@/lib/interview';

describe('toBlocks', () => {
  it('splits paragraphs, bullet lists and inline code, never interpreting HTML', () => {
    expect(toBlocks('First `a:b` line\ncontinues.\n\n- one\n- two `x`\n\n<b>bold</b>')).toEqual([
      { type: 'paragraph', content: [{ code: false, text: 'First ' }, { code: true, text: 'a:b' }, { code: false, text: ' line continues.' }] },
      { type: 'list', items: [[{ code: false, text: 'one' }], [{ code: false, text: 'two ' }, { code: true, text: 'x' }]] },
      { type: 'paragraph', content: [{ code: false, text: '<b>bold</b>' }] },
    ]);
  });
});

describe('pickMockCards', () => {
  const cards = ['a', 'b', 'c', 'd', 'e', 'f'].flatMap((topic) => [1, 2, 3].map((n) => ({ id: `${topic}${n}`, topic })));

  it('picks five cards from five different topics when there are enough', () => {
    const picked = pickMockCards(cards, 5, 'seed-1');
    expect(picked).toHaveLength(5);
    expect(new Set(picked.map((c) => c.topic)).size).toBe(5);
  });

  it('is reproducible from its seed and varies between seeds', () => {
    expect(pickMockCards(cards, 5, 'x')).toEqual(pickMockCards(cards, 5, 'x'));
    const orders = new Set(['s1', 's2', 's3', 's4'].map((s) => pickMockCards(cards, 5, s).map((c) => c.id).join()));
    expect(orders.size).toBeGreaterThan(1);
  });

  it('fills up from repeated topics when there are fewer topics than cards wanted', () => {
    const picked = pickMockCards(cards.filter((c) => c.topic === 'a' || c.topic === 'b'), 5, 'z');
    expect(picked).toHaveLength(5);
    expect(new Set(picked.map((c) => c.id)).size).toBe(5);
  });
});
