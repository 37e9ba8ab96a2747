// entry point: replaced by the game
