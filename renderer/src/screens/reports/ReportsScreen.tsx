import { NotBuilt } from '../../components/NotBuilt';

export function ReportsScreen() {
  return <NotBuilt screen="nav.home" />;
}
