// The serializers in openapi-fetch's shapes write what Stripe reads, and what the client's own
// encoder writes; what a form cannot carry is refused before anything is sent.
import { describe, expect, it } from 'vitest';
import { decodeForm, encodeForm, operations, StripeValidationError } from 'stripe-customers';
import { stripeBodySerializer, stripeQuerySerializer } from 'stripe-customers/openapi-fetch';

describe('stripeBodySerializer', () => {
  it("writes Stripe's brackets, indexes and '' unsets, as the client does", () => {
    const body = {
      email: 'jenny+test@example.com',
      metadata: { app_user_id: 'u_42', 'order id': '6735' },
      tax_id_data: [{ type: 'eu_vat', value: 'DE123456789' }],
      address: '',
      invoice_settings: { custom_fields: [{ name: 'PO', value: '12 & 13' }] },
      expand: ['tax_ids'],
      phone: undefined,
      name: null,
    };
    const text = stripeBodySerializer(body);
    expect(text).toBe(
      'email=jenny%2Btest%40example.com&metadata[app_user_id]=u_42&metadata[order%20id]=6735' +
        '&tax_id_data[0][type]=eu_vat&tax_id_data[0][value]=DE123456789&address=' +
        '&invoice_settings[custom_fields][0][name]=PO&invoice_settings[custom_fields][0][value]=12%20%26%2013&expand[0]=tax_ids',
    );
    expect(text).toBe(encodeForm(body));
    const { phone: _phone, name: _name, ...sent } = body;
    expect(decodeForm(text, operations.PostCustomers.bodySchema)).toEqual(sent);
  });

  it('sends nothing for null, and refuses what a form cannot carry', () => {
    expect(stripeBodySerializer(null)).toBe('');
    expect(() => stripeBodySerializer({ created: new Date(0) })).toThrow(StripeValidationError);
    expect(() => stripeBodySerializer('email=a')).toThrow(/unsupported value of type string/);
  });
});

describe('stripeQuerySerializer', () => {
  it('writes the query the way bodies are written, without a leading "?"', () => {
    expect(stripeQuerySerializer({ limit: 3, expand: ['data.tax_ids'], created: { gte: 1700000000 }, email: undefined })).toBe(
      'limit=3&expand[0]=data.tax_ids&created[gte]=1700000000',
    );
    expect(stripeQuerySerializer({})).toBe('');
  });

  it('refuses a non-finite number', () => {
    expect(() => stripeQuerySerializer({ limit: Number.NaN })).toThrow(/limit: must be a finite number/);
  });
});
