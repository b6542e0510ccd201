import Chip from '@material-ui/core/Chip';
import LockIcon from '@material-ui/icons/Lock';

/** Marks a schema field that holds personally identifiable information. */
export function PiiMarker() {
  return (
    <Chip
      size="small"
      color="secondary"
      icon={<LockIcon aria-hidden />}
      label="PII"
      title="Personally identifiable information"
    />
  );
}
