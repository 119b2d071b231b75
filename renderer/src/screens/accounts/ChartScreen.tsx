import { NotBuilt } from '../../components/NotBuilt';

export function ChartScreen() {
  return <NotBuilt screen="nav.home" />;
}
