import { NotBuilt } from '../../components/NotBuilt';

export function WelcomeScreen() {
  return <NotBuilt screen="nav.home" />;
}
