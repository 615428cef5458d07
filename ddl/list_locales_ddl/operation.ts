import { defineDdl } from '../../connector/operation.js';

// SalesLoft's locale values are time zone names; its own examples use the legacy US/* names, which
// Intl does not list.
const legacyZones = [
  'US/Alaska', 'US/Aleutian', 'US/Arizona', 'US/Central', 'US/East-Indiana', 'US/Eastern',
  'US/Hawaii', 'US/Indiana-Starke', 'US/Michigan', 'US/Mountain', 'US/Pacific', 'US/Samoa', 'UTC',
];

export default defineDdl({
  name: 'list_locales_ddl',
  title: 'List locales (DDL)',
  description: 'Time zone names that SalesLoft takes as a locale, such as US/Eastern or Europe/London.',
  paging: 'static',
  search: 'text',
  staticChoices: () => [...legacyZones, ...Intl.supportedValuesOf('timeZone')].map((zone) => ({ text: zone, value: zone })),
});
