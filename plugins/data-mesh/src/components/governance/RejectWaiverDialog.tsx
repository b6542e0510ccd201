import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import { useState } from 'react';

/**
 * Asks why a waiver request is rejected; the requester reads the comment on
 * the scorecard.
 */
export function RejectWaiverDialog(props: {
  ruleId: string;
  open: boolean;
  onCancel: () => void;
  onReject: (comment: string) => void;
}) {
  const [comment, setComment] = useState('');
  const trimmed = comment.trim();
  const titleId = `reject-waiver-${props.ruleId}`;
  return (
    <Dialog
      open={props.open}
      onClose={props.onCancel}
      aria-labelledby={titleId}
    >
      <DialogTitle id={titleId}>
        Reject the waiver of {props.ruleId}
      </DialogTitle>
      <DialogContent>
        <DialogContentText>
          Say why: the product's owners read it on the scorecard.
        </DialogContentText>
        <TextField
          fullWidth
          multiline
          required
          id={`${titleId}-comment`}
          label="Comment"
          value={comment}
          onChange={event => setComment(event.target.value)}
          inputProps={{ maxLength: 2000 }}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onCancel}>Cancel</Button>
        <Button
          color="primary"
          disabled={!trimmed}
          onClick={() => props.onReject(trimmed)}
        >
          Reject
        </Button>
      </DialogActions>
    </Dialog>
  );
}
