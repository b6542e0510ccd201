import { Content } from '@backstage/core-components';
import { PageBlueprint } from '@backstage/frontend-plugin-api';
import AssignmentIndIcon from '@material-ui/icons/AssignmentInd';
import { accessRequestsRouteRef } from '../routes';

/**
 * `page:data-mesh/access-requests` at `/access-requests`: the access
 * requests the signed-in user made and those awaiting their decision. Its
 * title and icon make its own sidebar item; `path` and `title` are
 * configurable as for every page.
 */
export const dataMeshAccessRequestsPage = PageBlueprint.make({
  name: 'access-requests',
  params: {
    path: '/access-requests',
    routeRef: accessRequestsRouteRef,
    title: 'My access requests',
    icon: <AssignmentIndIcon fontSize="inherit" />,
    loader: () =>
      import('../components/access/MyAccessRequests').then(m => (
        <Content>
          <m.MyAccessRequests />
        </Content>
      )),
  },
});
