// The member photo strings, a namespace of their own ('memberPhoto'), added to the app's i18next instance with the member page.
import i18n from '../../app/i18n';
import vi from './i18n/vi.json';
import en from './i18n/en.json';

if (!i18n.hasResourceBundle('vi', 'memberPhoto')) {
  i18n.addResourceBundle('vi', 'memberPhoto', vi);
  i18n.addResourceBundle('en', 'memberPhoto', en);
}

export const PHOTO_NS = 'memberPhoto';
