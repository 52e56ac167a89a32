import { EmptyState, PageHeader } from '../../components/common';

export function CardsPage() {
  return (
    <>
      <PageHeader title="Flashcards" subtitle="Spaced repetition of what you got wrong." />
      <EmptyState title="Flashcards are not built yet">
        This version of Vignette records every answer you give in blocks. Scheduling missed questions for spaced review (FSRS) is the next feature to land; your
        history so far will feed it.
      </EmptyState>
    </>
  );
}
