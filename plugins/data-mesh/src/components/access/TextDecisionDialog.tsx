import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import { useState } from 'react';

/**
 * Asks for one value before an action: a comment, a reason or a date.
 * `required` values must be given; what was typed stays while the dialog is
 * open, also when the action fails.
 */
export function TextDecisionDialog(props: {
  id: string;
  title: string;
  label: string;
  action: string;
  cancel: string;
  required?: boolean;
  type?: 'text' | 'date';
  initial?: string;
  busy?: boolean;
  error?: string;
  onCancel: () => void;
  onConfirm: (value: string) => void;
}) {
  const [value, setValue] = useState(props.initial ?? '');
  const trimmed = value.trim();
  const titleId = `${props.id}-title`;
  return (
    <Dialog open onClose={props.onCancel} aria-labelledby={titleId}>
      <DialogTitle id={titleId}>{props.title}</DialogTitle>
      <DialogContent>
        <TextField
          fullWidth
          multiline={props.type !== 'date'}
          type={props.type ?? 'text'}
          required={props.required}
          id={`${props.id}-value`}
          label={props.label}
          value={value}
          error={Boolean(props.error)}
          helperText={props.error}
          onChange={event => setValue(event.target.value)}
          InputLabelProps={props.type === 'date' ? { shrink: true } : undefined}
          inputProps={{ maxLength: 2000 }}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onCancel}>{props.cancel}</Button>
        <Button
          color="primary"
          disabled={props.busy || (props.required && !trimmed)}
          onClick={() => props.onConfirm(trimmed)}
        >
          {props.action}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
