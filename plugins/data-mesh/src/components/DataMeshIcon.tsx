import type { IconComponent } from '@backstage/core-plugin-api';
import DeviceHubIcon from '@material-ui/icons/DeviceHub';

/**
 * The data mesh plugin's icon, a hub of connected nodes: for a sidebar item
 * in apps on the legacy frontend system.
 * @public
 */
export const DataMeshIcon: IconComponent = DeviceHubIcon;
