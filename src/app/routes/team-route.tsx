import { TeamScreen } from '@/features/team/components/team-screen';

export function TeamRoute() {
  return <TeamScreen />;
}
