// Every view of the explorer, as a deep link plus what a visitor would do there, so tests and
// the screenshot tour walk the same list.
export const VIEWS = [
  { name: 'home', hash: '' },
  { name: 'about', hash: 'about' },
  {
    name: 'concerns', hash: 'concerns',
    async act(w) {
      await w.getByRole('checkbox', { name: 'Acne scars' }).check();
      await w.getByRole('checkbox', { name: 'Enlarged pores' }).check();
    },
  },
  { name: 'treatments', hash: 'treatments' },
  { name: 'treatment', hash: 'treatment/rf-microneedling' },
  { name: 'compare', hash: 'compare/professional-microneedling,chemical-peel,laser-resurfacing' },
  { name: 'compare-picker', hash: 'compare' },
  {
    name: 'candidate', hash: 'candidate',
    async act(w) {
      await w.getByRole('group', { name: 'Are you pregnant?' }).getByRole('radio', { name: 'No' }).check();
      await w.getByRole('group', { name: /keloids/ }).getByRole('radio', { name: 'Yes' }).check();
    },
  },
  { name: 'expect', hash: 'expect' },
  {
    name: 'myths', hash: 'myths',
    async act(w) { await w.getByRole('button', { name: /thins the skin/i }).click(); },
  },
  {
    name: 'faq', hash: 'faq',
    async act(w) { await w.getByRole('button', { name: /hurt|painful/i }).first().click(); },
  },
  { name: 'sources', hash: 'sources' },
  {
    name: 'estimate', hash: 'estimate',
    async act(w) {
      await w.getByLabel('Your main concern (optional)').selectOption('acne-scars');
      await w.getByLabel('Spread the cost (example financing)').selectOption('promo-12');
      await w.getByLabel('Price a usual course of each treatment for').selectOption('acne-scars');
    },
  },
];
