// The operator API registers search attributes by type code: the codes must be the proto enum's
// (a hand-typed 4 = Double for Bool broke every case registration on a real cluster).
import { temporal } from '@temporalio/proto';
import { SEARCH_ATTRIBUTES } from '../../domain/searchAttributes';
import { SEARCH_ATTRIBUTE_TYPE_CODES } from '../../infra/temporalServer';

const IndexedValueType = temporal.api.enums.v1.IndexedValueType;

test('every search attribute is registered with the code of its type', () => {
  expect(SEARCH_ATTRIBUTE_TYPE_CODES).toEqual({ Keyword: 2, Bool: 5 });
  for (const [name, type] of Object.entries(SEARCH_ATTRIBUTES)) {
    const code = SEARCH_ATTRIBUTE_TYPE_CODES[type];
    expect([name, IndexedValueType[code]]).toEqual([name, `INDEXED_VALUE_TYPE_${type.toUpperCase()}`]);
  }
  expect(SEARCH_ATTRIBUTES.Overdue).toBe('Bool');
});
