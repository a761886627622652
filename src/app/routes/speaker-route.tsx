import { useParams } from 'react-router';
import { paths } from '@/app/paths';
import type { SpeakerId } from '@/core/model/types';
import { SpeakerProfileScreen } from '@/features/speaker-profile/components/speaker-profile-screen';

export function SpeakerRoute() {
  const { speakerId = '' } = useParams();
  return (
    <SpeakerProfileScreen
      key={speakerId}
      speakerId={speakerId as SpeakerId}
      articleHref={paths.article}
      claimHref={paths.claim}
      compareHref={paths.compare}
      speakerHref={paths.speaker}
      libraryHref={paths.library}
    />
  );
}
