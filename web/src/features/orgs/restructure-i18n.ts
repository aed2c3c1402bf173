// The restructuring strings (found, rename, merge, split, move, dissolve), a namespace of their own ('restructure'),
// added to the app's i18next instance with the organisation page.
import i18n from '../../app/i18n';
import vi from './i18n/vi.json';
import en from './i18n/en.json';

if (!i18n.hasResourceBundle('vi', 'restructure')) {
  i18n.addResourceBundle('vi', 'restructure', vi);
  i18n.addResourceBundle('en', 'restructure', en);
}

export const RS_NS = 'restructure';
