import * as countries from 'i18n-iso-countries';
import { ISO_COUNTRY_CODES } from '../src/private/sms-countries';

describe('the ISO 3166-1 codes the country rules list', () => {
  test('are the officially assigned alpha-2 codes of ISO 3166-1, once each, in order', () => {
    // i18n-iso-countries adds XK (Kosovo), a user-assigned code that is not in ISO 3166-1.
    const iso = Object.keys(countries.getAlpha2Codes()).filter(code => code !== 'XK').sort();
    expect(ISO_COUNTRY_CODES).toEqual(iso);
    expect(ISO_COUNTRY_CODES.length).toBe(249);
    expect(new Set(ISO_COUNTRY_CODES).size).toBe(ISO_COUNTRY_CODES.length);
  });

  test('fit the protect configuration: two capitals each, within the 300 entries its rule set takes', () => {
    expect(ISO_COUNTRY_CODES.every(code => /^[A-Z]{2}$/.test(code))).toBe(true);
    expect(ISO_COUNTRY_CODES.length).toBeLessThanOrEqual(300);
  });
});
