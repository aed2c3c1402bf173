// The resolution strings added with the elements and task links, a namespace of their own ('resolutions'),
// added to the app's i18next instance when a resolution page loads; the older ones live in app/i18n under "resolutions.".
import i18n from '../../app/i18n';
import vi from './i18n/vi.json';
import en from './i18n/en.json';

if (!i18n.hasResourceBundle('vi', 'resolutions')) {
  i18n.addResourceBundle('vi', 'resolutions', vi);
  i18n.addResourceBundle('en', 'resolutions', en);
}

export const RES_NS = 'resolutions';
