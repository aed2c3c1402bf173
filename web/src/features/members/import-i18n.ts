// The member import's progress and hints, a namespace of their own ('memberImport'), added with the import dialog.
import i18n from '../../app/i18n';
import vi from './i18n/import.vi.json';
import en from './i18n/import.en.json';

if (!i18n.hasResourceBundle('vi', 'memberImport')) {
  i18n.addResourceBundle('vi', 'memberImport', vi);
  i18n.addResourceBundle('en', 'memberImport', en);
}

export const IMPORT_NS = 'memberImport';
