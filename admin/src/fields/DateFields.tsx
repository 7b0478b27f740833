// Dates as react-admin fields, the Indonesian way whatever the UI language (../format.ts).
import { DateField, type DateFieldProps } from 'react-admin';
import { DATE_LOCALE, DATE_OPTIONS, DATE_TIME_OPTIONS } from '../format';

/** Date and time. */
export const DateTimeField = (props: DateFieldProps) => <DateField locales={DATE_LOCALE} showTime options={DATE_TIME_OPTIONS} {...props} />;

/** The date alone. */
export const DayField = (props: DateFieldProps) => <DateField locales={DATE_LOCALE} options={DATE_OPTIONS} {...props} />;
