// The voting strings, a namespace of their own ('voting'), added to the app's i18next instance when a voting page loads.
import i18n from '../../app/i18n';
import vi from './i18n/vi.json';
import en from './i18n/en.json';

if (!i18n.hasResourceBundle('vi', 'voting')) {
  i18n.addResourceBundle('vi', 'voting', vi);
  i18n.addResourceBundle('en', 'voting', en);
}

export const NS = 'voting';
