export const reviewsKey = ['registration-reviews'] as const;
