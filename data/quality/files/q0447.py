def square_generator(sequence):
    for item in sequence:
        yield item**2
