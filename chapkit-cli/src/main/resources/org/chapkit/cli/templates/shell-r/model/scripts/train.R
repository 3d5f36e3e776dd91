# Trains the model: the mean of disease_cases per location, written to model.csv (base R only).
args <- commandArgs(trailingOnly = TRUE)
data <- read.csv(args[1])
means <- aggregate(disease_cases ~ location, data = data, FUN = mean)
write.csv(means, "model.csv", row.names = FALSE)
cat("trained", nrow(means), "locations\n")
