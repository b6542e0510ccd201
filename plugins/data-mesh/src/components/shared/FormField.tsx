import MenuItem from '@material-ui/core/MenuItem';
import TextField, { TextFieldProps } from '@material-ui/core/TextField';
import type { ReactNode } from 'react';

/** A choice of a select field. */
export interface FieldOption {
  value: string;
  label: ReactNode;
}

/** A form field's props: a text field's, with its value and how it changes. */
export type FormFieldProps<V extends string | string[]> = Omit<
  TextFieldProps,
  'value' | 'onChange' | 'select' | 'children' | 'SelectProps'
> & {
  id: string;
  /** A list of values makes a select of several choices. */
  value: V;
  onValue: (value: V) => void;
  /** The choices: with them the field is a select. */
  options?: FieldOption[];
  /** A native select (keyboards, screen readers) rather than a menu. */
  native?: boolean;
  /** A first, empty choice of a native select: nothing chosen yet. */
  empty?: boolean;
};

/**
 * A full-width text field, date or select of the plugin's forms; the label
 * of a date or a native multiple select stays above it.
 */
export function FormField<V extends string | string[]>(
  props: FormFieldProps<V>,
) {
  const { value, onValue, options, native, empty, ...rest } = props;
  const multiple = Array.isArray(value);
  const shrink = rest.type === 'date' || (native && multiple);
  return (
    <TextField
      fullWidth
      {...rest}
      select={Boolean(options)}
      value={value}
      onChange={event => {
        if (!multiple) {
          onValue(event.target.value as V);
          return;
        }
        const values = native
          ? Array.from(
              (event.target as unknown as HTMLSelectElement).selectedOptions,
              option => option.value,
            )
          : (event.target.value as unknown as string[]);
        onValue(values as V);
      }}
      {...(options ? { SelectProps: { native, multiple } } : {})}
      {...(shrink
        ? { InputLabelProps: { ...rest.InputLabelProps, shrink: true } }
        : {})}
    >
      {native && empty && <option value="" />}
      {options?.map(option =>
        native ? (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ) : (
          <MenuItem key={option.value} value={option.value}>
            {option.label}
          </MenuItem>
        ),
      )}
    </TextField>
  );
}
